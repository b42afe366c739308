package fieldnames_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/goconc/goconc/kernel/fieldnames"
)

// An embedded struct field as Yaegi makes it: a field named after its
// type, without reflect's Anonymous flag, which kernel/program tags.
func yaegiEmployee() reflect.Type {
	person := reflect.StructOf([]reflect.StructField{{Name: "Name", Type: reflect.TypeFor[string]()}})
	return reflect.StructOf([]reflect.StructField{
		{Name: "Person", Type: person, Tag: `goconcembedded:"true"`},
		{Name: "Title", Type: reflect.TypeFor[string]()},
	})
}

func TestEmbeddedFieldsArePromoted(t *testing.T) {
	e := reflect.New(yaegiEmployee()).Elem()
	e.Field(0).Field(0).SetString("Ann")
	e.Field(1).SetString("CTO")
	b, err := json.Marshal(fieldnames.PlainJSON(e.Interface(), "-"))
	if want := `{"Name":"Ann","Title":"CTO"}`; err != nil || string(b) != want {
		t.Errorf("encoded %s (%v), want %s", b, err, want)
	}
	p := reflect.New(e.Type())
	if err := fieldnames.DecodeJSON(json.Unmarshal, []byte(`{"Name":"Bo","Title":"dev"}`), p.Interface(), "*-"); err != nil {
		t.Fatal(err)
	}
	if got := p.Elem().Field(0).Field(0).String(); got != "Bo" {
		t.Errorf("decoded Name %q, want Bo", got)
	}
	if f := fieldnames.DeclaredField(e.Type().Field(0)); !f.Anonymous || f.Tag != "" {
		t.Errorf("DeclaredField: Anonymous %v, tag %q; want true and none", f.Anonymous, f.Tag)
	}
}
