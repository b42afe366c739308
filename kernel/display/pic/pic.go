// Package pic is the Go Tour's golang.org/x/tour/pic for cells: cells that
// import golang.org/x/tour/pic get this package, and the pictures of the
// tour's exercises (Slices, Images) appear below the cell as PNG images.
//
// On the Go playground the tour's package prints a line "IMAGE:" followed by
// the PNG in base64, which the playground's page turns into a picture.
// A notebook has its own way to show an image, display_data, so Show and
// ShowImage display the picture through the kernel. Outside a kernel they
// print the playground's line, as the tour's package does.
package pic

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"

	"github.com/goconc/goconc/kernel/display"
)

// Show displays a picture defined by the function f.
//
// f should return a slice of length dy, each element of which is a slice
// of dx 8-bit unsigned int. The integers are interpreted as bluescale
// values, where the value 0 means full blue, and the value 255 means full
// white.
func Show(f func(dx, dy int) [][]uint8) {
	const (
		dx = 256
		dy = 256
	)
	data := f(dx, dy)
	m := image.NewNRGBA(image.Rect(0, 0, dx, dy))
	for y := 0; y < dy; y++ {
		for x := 0; x < dx; x++ {
			v := data[y][x] // a short slice panics here, as in the tour
			i := y*m.Stride + x*4
			m.Pix[i] = v
			m.Pix[i+1] = v
			m.Pix[i+2] = 255
			m.Pix[i+3] = 255
		}
	}
	ShowImage(m)
}

// ShowImage displays the image m below the cell.
func ShowImage(m image.Image) {
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, m); err != nil {
		panic(err) // as the tour's package does, for an image of no pixels
	}
	b := m.Bounds()
	err := display.Display(display.Data{
		Data: display.MIMEMap{
			display.MIMETypePNG:  buf.Bytes(),
			display.MIMETypeText: fmt.Sprintf("[%dx%d image]", b.Dx(), b.Dy()),
		},
		Metadata: display.MIMEMap{display.MIMETypePNG: display.MIMEMap{"width": b.Dx(), "height": b.Dy()}},
	})
	if errors.Is(err, display.ErrNoNotebook) {
		printImage(os.Stdout, buf.Bytes())
	}
}

// printImage writes the playground's line for a PNG.
func printImage(out io.Writer, png []byte) {
	w := bufio.NewWriter(out)
	defer w.Flush()
	io.WriteString(w, "IMAGE:")
	b64 := base64.NewEncoder(base64.StdEncoding, w)
	b64.Write(png)
	b64.Close()
	io.WriteString(w, "\n")
}
