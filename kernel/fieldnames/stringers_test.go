package fieldnames

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"text/template"
)

// celsius stands for a notebook type `type Celsius float64` with a String
// method: to reflection, a float64.
func init() {
	RegisterStringer((*float64)(nil), "main.celsius", func(v any) string { return fmt.Sprintf("%.1f°C", v.(float64)) })
	RegisterStringer((*int)(nil), "main.status", func(v any) string { return []string{"todo", "done"}[v.(int)] })
	RegisterFields((*reading)(nil), "-@main.celsius;-[@main.celsius;-")
}

type reading struct {
	City  string
	Temp  float64 // a celsius
	Temps []float64
}

func TestPlainTemplate(t *testing.T) {
	tmpl := template.Must(template.New("t").Parse(`{{.City}} {{.Temp}} {{if gt .Temp 10.0}}warm{{end}} {{printf "%.2f" .Temp}}{{range .Temps}} {{.}}{{end}}`))
	for _, c := range []struct {
		data  any
		shape string
		want  string
	}{
		{reading{"Oslo", 3.5, []float64{1, 2}}, "@main.reading;$", "Oslo 3.5°C  3.50 1.0°C 2.0°C"},
		{&reading{"Rome", 21, nil}, "*@main.reading;$", "Rome 21.0°C warm 21.00"},
		{map[string]any{"City": "Nice", "Temp": 12.0}, "-", "Nice 12 warm 12.00"}, // no shape: as it is
		{struct {
			City  string
			Temp  float64
			Temps []float64
		}{"Bern", 4, []float64{5}}, "{-@main.celsius;-[@main.celsius;-}", "Bern 4.0°C  4.00 5.0°C"},
	} {
		var b strings.Builder
		if err := tmpl.Execute(&b, PlainTemplate(c.data, c.shape)); err != nil {
			t.Errorf("%#v: %v", c.data, err)
			continue
		}
		if b.String() != c.want {
			t.Errorf("%#v as %s: %q, want %q", c.data, c.shape, b.String(), c.want)
		}
	}
	var b strings.Builder
	template.Must(template.New("s").Parse(`{{range .}}{{.}} {{end}}`)).Execute(&b, PlainTemplate([]int{1, 0}, "[@main.status;-"))
	if b.String() != "done todo " {
		t.Errorf("[]status: %q", b.String())
	}
}

// A kind has stringerSlots slots: a type registered again keeps its own,
// and types past the last keep their plain values.
func TestStringerSlots(t *testing.T) {
	for i := range stringerSlots + 2 {
		RegisterStringer((*int16)(nil), fmt.Sprintf("main.t%d", i), func(v any) string { return fmt.Sprintf("t%d:%d", i, v) })
	}
	RegisterStringer((*int16)(nil), "main.t1", func(v any) string { return fmt.Sprintf("again:%d", v) })
	for i, want := range []string{"t0:5", "again:5", "t7:5", "5"} {
		name := fmt.Sprintf("main.t%d", []int{0, 1, 7, stringerSlots}[i])
		got := fmt.Sprint(PlainTemplate(int16(5), "@"+name+";-"))
		if got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}

// stringers_gen.go is what gen_stringers.go writes.
func TestStringersGenerated(t *testing.T) {
	out := filepath.Join(t.TempDir(), "gen.out") // (not .go: go run would take it for a source)
	cmd := exec.Command("go", "run", "gen_stringers.go", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run gen_stringers.go: %v\n%s", err, b)
	}
	want, _ := os.ReadFile(out)
	got, _ := os.ReadFile("stringers_gen.go")
	if !bytes.Equal(got, want) {
		t.Errorf("stringers_gen.go is not what gen_stringers.go writes: run go generate ./kernel/fieldnames")
	}
	for kind, types := range slotTypes {
		for _, st := range types {
			if st.Kind() != kind || !st.Implements(reflect.TypeFor[fmt.Stringer]()) {
				t.Errorf("%v: kind %v, String %v", st, st.Kind(), st.Implements(reflect.TypeFor[fmt.Stringer]()))
			}
		}
	}
}
