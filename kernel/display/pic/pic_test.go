package pic

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"io"
	"os"
	"strings"
	"testing"

	tourpic "golang.org/x/tour/pic"

	"github.com/goconc/goconc/kernel/display"
)

// gradient is the tour's Slices exercise, solved.
func gradient(dx, dy int) [][]uint8 {
	p := make([][]uint8, dy)
	for y := range p {
		p[y] = make([]uint8, dx)
		for x := range p[y] {
			p[y][x] = uint8(x ^ y)
		}
	}
	return p
}

type recorder struct{ shown []display.Data }

func (r *recorder) Display(d display.Data, update bool) error {
	r.shown = append(r.shown, d)
	return nil
}
func (r *recorder) Clear(bool) error { return nil }

func TestShowDisplaysThePicture(t *testing.T) {
	r := &recorder{}
	display.SetSink(r)
	defer display.SetSink(nil)

	Show(gradient)

	if len(r.shown) != 1 {
		t.Fatalf("Show displayed %d outputs, want 1", len(r.shown))
	}
	d := r.shown[0]
	if got := d.Data[display.MIMETypeText]; got != "[256x256 image]" {
		t.Errorf("text/plain = %q, want [256x256 image]", got)
	}
	m, err := png.Decode(bytes.NewReader(d.Data[display.MIMETypePNG].([]byte)))
	if err != nil {
		t.Fatalf("image/png does not decode: %v", err)
	}
	for _, p := range [][2]int{{0, 0}, {3, 5}, {255, 128}, {200, 255}} {
		x, y := p[0], p[1]
		r, g, b, a := m.At(x, y).RGBA()
		want := uint32(x^y) & 0xff
		if r>>8 != want || g>>8 != want || b>>8 != 255 || a>>8 != 255 {
			t.Errorf("pixel (%d,%d) = %d,%d,%d,%d, want %d,%d,255,255", x, y, r>>8, g>>8, b>>8, a>>8, want, want)
		}
	}
}

func TestShowPanicsOnAShortPicture(t *testing.T) {
	r := &recorder{}
	display.SetSink(r)
	defer display.SetSink(nil)
	defer func() {
		p := recover()
		if p == nil || !strings.Contains(p.(error).Error(), "index out of range [0] with length 0") {
			t.Errorf("Show of an empty picture recovered %v, want the tour's index out of range", p)
		}
		if len(r.shown) != 0 {
			t.Errorf("a picture that could not be made was displayed")
		}
	}()
	Show(func(dx, dy int) [][]uint8 { return nil })
}

// Outside a kernel, Show prints what the tour's package prints.
func TestShowOutsideANotebookPrintsThePlaygroundsLine(t *testing.T) {
	display.SetSink(nil)
	ours := stdout(t, func() { Show(gradient) })
	tours := stdout(t, func() { tourpic.Show(gradient) })
	if ours != tours {
		t.Errorf("Show printed %.60q..., the tour's package %.60q...", ours, tours)
	}
	if !strings.HasPrefix(ours, "IMAGE:") || !strings.HasSuffix(ours, "\n") {
		t.Fatalf("Show printed %.60q..., want the line IMAGE:<base64>", ours)
	}
	b, err := base64.StdEncoding.DecodeString(strings.TrimSuffix(strings.TrimPrefix(ours, "IMAGE:"), "\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(bytes.NewReader(b)); err != nil {
		t.Errorf("the line holds no PNG: %v", err)
	}
}

func stdout(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stdout
	os.Stdout = w
	read := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		read <- string(b)
	}()
	func() {
		defer func() { os.Stdout = saved }()
		f()
	}()
	w.Close()
	return <-read
}
