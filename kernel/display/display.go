// Package display shows rich output in a notebook: HTML, Markdown, images,
// LaTeX, JSON or any MIME type. It is source-compatible with gophernotes'
// display package, so notebooks written for gophernotes keep working.
//
// In a goconc cell the package is imported for you as "display". A cell
// whose last expression is a Data shows it; Display shows it at once, from
// anywhere, including goroutines:
//
//	display.HTML("<b>bold</b>")                  // as the cell's result
//	Display(display.Markdown("* from a loop"))  // immediately
//
// A value with an HTML, SVG, Markdown, PNG, JPEG, Latex or JSON method, or an
// image.Image, is shown richly when it is a cell's result or passed to Display.
package display

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io"
	"net/http"
	"os"
	"strings"
)

// MIME types.
const (
	MIMETypeHTML       = "text/html"
	MIMETypeJavaScript = "application/javascript"
	MIMETypeJPEG       = "image/jpeg"
	MIMETypeJSON       = "application/json"
	MIMETypeLatex      = "text/latex"
	MIMETypeMarkdown   = "text/markdown"
	MIMETypePNG        = "image/png"
	MIMETypePDF        = "application/pdf"
	MIMETypeSVG        = "image/svg+xml"
	MIMETypeText       = "text/plain"
)

// MIMEMap holds one representation of a value per MIME type.
type MIMEMap = map[string]interface{}

// Data is a displayable value: its representations, their metadata, and
// transient data such as the display id.
type Data = struct {
	Data      MIMEMap
	Metadata  MIMEMap
	Transient MIMEMap
}

// Interfaces a value can implement to choose how it is shown. A type
// implements them by having the method, without importing this package.
type (
	Renderer       interface{ Render() Data }
	SimpleRenderer interface{ SimpleRender() MIMEMap }
	HTMLer         interface{ HTML() string }
	JavaScripter   interface{ JavaScript() string }
	JPEGer         interface{ JPEG() []byte }
	JSONer         interface {
		JSON() map[string]interface{}
	}
	Latexer    interface{ Latex() string }
	Markdowner interface{ Markdown() string }
	PNGer      interface{ PNG() []byte }
	PDFer      interface{ PDF() []byte }
	SVGer      interface{ SVG() string }
)

// MakeData returns Data holding data as mimeType, with a text/plain form.
func MakeData(mimeType string, data interface{}) Data {
	d := Data{Data: MIMEMap{mimeType: data}}
	if mimeType != MIMETypeText {
		d.Data[MIMETypeText] = plain(data)
	}
	return d
}

// MakeData3 returns Data with an explicit plain-text form.
func MakeData3(mimeType string, plaintext string, data interface{}) Data {
	return Data{Data: MIMEMap{MIMETypeText: plaintext, mimeType: data}}
}

func plain(data interface{}) string {
	switch d := data.(type) {
	case []byte:
		return fmt.Sprintf("[%d bytes]", len(d))
	case string:
		return d
	}
	return fmt.Sprint(data)
}

// HTML returns html as Data.
func HTML(html string) Data { return MakeData(MIMETypeHTML, html) }

// Markdown returns markdown as Data.
func Markdown(markdown string) Data { return MakeData(MIMETypeMarkdown, markdown) }

// SVG returns an SVG document as Data.
func SVG(svg string) Data { return MakeData3(MIMETypeSVG, "[SVG image]", svg) }

// PNG returns PNG bytes as Data.
func PNG(png []byte) Data { return MakeData3(MIMETypePNG, "[PNG image]", png) }

// JPEG returns JPEG bytes as Data.
func JPEG(jpeg []byte) Data { return MakeData3(MIMETypeJPEG, "[JPEG image]", jpeg) }

// PDF returns PDF bytes as Data.
func PDF(pdf []byte) Data { return MakeData3(MIMETypePDF, "[PDF document]", pdf) }

// JSON returns a JSON object as Data.
func JSON(json map[string]interface{}) Data { return MakeData(MIMETypeJSON, json) }

// JavaScript returns JavaScript code as Data. Notebooks run it only when
// trusted.
func JavaScript(javascript string) Data { return MakeData(MIMETypeJavaScript, javascript) }

// Latex returns inline LaTeX math as Data.
func Latex(latex string) Data {
	return MakeData3(MIMETypeLatex, latex, "$"+strings.Trim(latex, "$")+"$")
}

// Math returns display LaTeX math as Data.
func Math(latex string) Data {
	return MakeData3(MIMETypeLatex, latex, "$$"+strings.Trim(latex, "$")+"$$")
}

// MIME returns Data from explicit representations and metadata.
func MIME(data, metadata MIMEMap) Data { return Data{Data: data, Metadata: metadata} }

// Image returns an image as PNG Data.
func Image(img image.Image) Data {
	d, err := imageData(img)
	if err != nil {
		return MakeData(MIMETypeText, "cannot encode image: "+err.Error())
	}
	return d
}

func imageData(img image.Image) (Data, error) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return Data{}, err
	}
	b := img.Bounds()
	return Data{
		Data:     MIMEMap{MIMETypePNG: buf.Bytes(), MIMETypeText: fmt.Sprintf("[%dx%d image]", b.Dx(), b.Dy())},
		Metadata: MIMEMap{MIMETypePNG: MIMEMap{"width": b.Dx(), "height": b.Dy()}},
	}, nil
}

// Any returns data as mimeType, or detects the type of a []byte or reader
// when mimeType is "". data is a string, []byte, io.Reader, io.WriterTo or
// a value Auto can render.
func Any(mimeType string, data interface{}) Data {
	if d, ok := Render(data); ok {
		return d
	}
	var s string
	var b []byte
	switch x := data.(type) {
	case string:
		s = x
	case []byte:
		b = x
	case io.Reader:
		var err error
		if b, err = io.ReadAll(x); err != nil {
			return MakeData(MIMETypeText, "cannot read: "+err.Error())
		}
	case io.WriterTo:
		var buf bytes.Buffer
		x.WriteTo(&buf)
		b = buf.Bytes()
	default:
		return MakeData(MIMETypeText, fmt.Sprint(data))
	}
	if b != nil {
		if mimeType == "" {
			mimeType = http.DetectContentType(b)
			if i := strings.IndexByte(mimeType, ';'); i >= 0 {
				mimeType = mimeType[:i]
			}
		}
		if strings.HasPrefix(mimeType, "text/") {
			return MakeData(mimeType, string(b))
		}
		return MakeData3(mimeType, fmt.Sprintf("[%s, %d bytes]", mimeType, len(b)), b)
	}
	if mimeType == "" {
		mimeType = MIMETypeText
	}
	return MakeData(mimeType, s)
}

// Auto is Any with the MIME type detected.
func Auto(data interface{}) Data { return Any("", data) }

// File returns the content of a file as mimeType ("" to detect it).
func File(mimeType string, path string) Data {
	b, err := os.ReadFile(path)
	if err != nil {
		return MakeData(MIMETypeText, err.Error())
	}
	return Any(mimeType, b)
}

// Render converts v to Data if it is Data or has a rich form (an image, or a
// method such as HTML or SVG). It reports false for plain values.
func Render(v interface{}) (Data, bool) {
	var d Data
	rich := false
	set := func(mime string, val interface{}) {
		if d.Data == nil {
			d.Data = MIMEMap{}
		}
		d.Data[mime] = val
		rich = true
	}
	switch x := v.(type) {
	case Data:
		return x, true
	case *Data:
		if x != nil {
			return *x, true
		}
		return d, false
	case Renderer:
		return x.Render(), true
	case SimpleRenderer:
		return Data{Data: x.SimpleRender()}, true
	case image.Image:
		img, err := imageData(x)
		return img, err == nil
	}
	if x, ok := v.(HTMLer); ok {
		set(MIMETypeHTML, x.HTML())
	}
	if x, ok := v.(SVGer); ok {
		set(MIMETypeSVG, x.SVG())
	}
	if x, ok := v.(Markdowner); ok {
		set(MIMETypeMarkdown, x.Markdown())
	}
	if x, ok := v.(PNGer); ok {
		set(MIMETypePNG, x.PNG())
	}
	if x, ok := v.(JPEGer); ok {
		set(MIMETypeJPEG, x.JPEG())
	}
	if x, ok := v.(Latexer); ok {
		set(MIMETypeLatex, x.Latex())
	}
	if x, ok := v.(JSONer); ok {
		set(MIMETypeJSON, x.JSON())
	}
	if x, ok := v.(PDFer); ok {
		set(MIMETypePDF, x.PDF())
	}
	if x, ok := v.(JavaScripter); ok {
		set(MIMETypeJavaScript, x.JavaScript())
	}
	if rich {
		if _, ok := d.Data[MIMETypeText]; !ok {
			if s, ok := v.(fmt.Stringer); ok {
				d.Data[MIMETypeText] = s.String()
			} else {
				d.Data[MIMETypeText] = fmt.Sprintf("%+v", v)
			}
		}
	}
	return d, rich
}
