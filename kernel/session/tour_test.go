package session

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image/png"
	"strings"
	"testing"
)

// TestTourPicturesShown: the Go Tour's pic.Show, which on the playground
// prints a line "IMAGE:<base64 PNG>" for the page to draw, shows the
// picture below the cell, as image/png display data.
func TestTourPicturesShown(t *testing.T) {
	s := newTestSession(t)
	c := s.ok(`import "golang.org/x/tour/pic"

func Pic(dx, dy int) [][]uint8 {
	p := make([][]uint8, dy)
	for y := range p {
		p[y] = make([]uint8, dx)
		for x := range p[y] {
			p[y][x] = uint8(x ^ y)
		}
	}
	return p
}

fmt.Println("before")
pic.Show(Pic)
fmt.Println("after")`)
	if got := c.stream("stdout"); got != "before\nafter\n" {
		t.Errorf("stdout = %q, want before and after alone", got)
	}
	if len(c.all) != 1 {
		t.Fatalf("%d displays, want the picture", len(c.all))
	}
	checkPicture(t, c.all[0], 256, 256)

	// The Images exercise: the notebook's own image.Image type, which
	// the PNG encoder reads through its methods.
	c = s.ok(`type Image struct{ w, h int }

func (i Image) ColorModel() color.Model { return color.RGBAModel }
func (i Image) Bounds() image.Rectangle  { return image.Rect(0, 0, i.w, i.h) }
func (i Image) At(x, y int) color.Color {
	v := uint8(x ^ y)
	return color.RGBA{v, v, 255, 255}
}

pic.ShowImage(Image{40, 30})`)
	if len(c.all) != 1 {
		t.Fatalf("%d displays, want the image", len(c.all))
	}
	checkPicture(t, c.all[0], 40, 30)

	// A picture of empty rows fails as in the tour, and shows nothing.
	r, c := s.exec(`pic.Show(func(dx, dy int) [][]uint8 { return make([][]uint8, dy/2) })`)
	if r.Status != "error" || !strings.Contains(r.Evalue+strings.Join(r.Traceback, "\n"), "index out of range [0] with length 0") {
		t.Errorf("a short picture: %+v", r)
	}
	if len(c.all) != 0 {
		t.Errorf("a short picture showed %d displays", len(c.all))
	}
}

// checkPicture checks that d shows a PNG of w×h pixels, each x^y in red
// and green, 255 in blue.
func checkPicture(t *testing.T, d map[string]any, w, h int) {
	t.Helper()
	if want := fmt.Sprintf("[%dx%d image]", w, h); d["text/plain"] != want {
		t.Errorf("text/plain = %q, want %q", d["text/plain"], want)
	}
	var raw []byte
	switch v := d["image/png"].(type) {
	case string:
		raw, _ = base64.StdEncoding.DecodeString(v)
	case []byte:
		raw = v
	}
	m, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("image/png (%T) is no PNG: %v", d["image/png"], err)
	}
	if b := m.Bounds(); b.Dx() != w || b.Dy() != h {
		t.Errorf("the picture is %v, want %dx%d", b, w, h)
	}
	for _, p := range [][2]int{{0, 0}, {7, h - 1}, {w - 1, 1}} {
		r, g, b, _ := m.At(p[0], p[1]).RGBA()
		if want := uint32(p[0]^p[1]) & 0xff; r>>8 != want || g>>8 != want || b>>8 != 255 {
			t.Errorf("pixel %v = %d,%d,%d, want %d,%d,255", p, r>>8, g>>8, b>>8, want, want)
		}
	}
}
