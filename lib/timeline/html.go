package timeline

import (
	"bytes"
	"encoding/base64"
	"fmt"

	"github.com/goconc/goconc/lib/trace"
)

// HTML returns a standalone HTML page showing t: the SVG drawing and, below
// it, the text form.
func HTML(t *trace.Trace, opts ...Option) []byte {
	c := configure(opts)
	m := build(t, c)
	var b bytes.Buffer
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%s</title></head>\n<body>\n", esc(m.title))
	b.Write(drawSVG(m, c.width))
	fmt.Fprintf(&b, "<pre>%s</pre>\n</body></html>\n", esc(Text(t, opts...)))
	return b.Bytes()
}

// ImageTag returns an <img> element showing the SVG drawing as a data URI,
// which notebooks display even when they are not trusted.
func ImageTag(svg []byte) string {
	w, h := svgSize(svg)
	return fmt.Sprintf(`<img src="data:image/svg+xml;base64,%s" width="%d" height="%d" alt="goroutine timeline"/>`,
		base64.StdEncoding.EncodeToString(svg), w, h)
}

// svgSize reads the width and height of an SVG drawn by this package.
func svgSize(svg []byte) (w, h int) {
	fmt.Sscanf(string(svg), `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d"`, &w, &h)
	return w, h
}
