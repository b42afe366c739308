package kernelspec

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
)

// The logo is three goroutine lanes with an arrow between them: a tiny
// timeline, drawn here so that no binary file has to be kept in sync.
var (
	logoBlue  = color.RGBA{0x00, 0x7d, 0x9c, 0xff} // Go blue
	logoGold  = color.RGBA{0xfd, 0xdd, 0x00, 0xff}
	logoLight = color.RGBA{0xce, 0xf3, 0xff, 0xff}
)

// logoSVG is the logo as SVG, for frontends that prefer it.
const logoSVG = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
<rect width="64" height="64" rx="12" fill="#007d9c"/>
<rect x="8" y="12" width="40" height="8" rx="4" fill="#cef3ff"/>
<rect x="20" y="28" width="36" height="8" rx="4" fill="#fddd00"/>
<rect x="8" y="44" width="28" height="8" rx="4" fill="#cef3ff"/>
<path d="M30 20 L30 28" stroke="#ffffff" stroke-width="3"/>
</svg>
`

func logoPNG(size int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	s := float64(size) / 64
	fill := func(x0, y0, x1, y1 float64, c color.Color) {
		for y := int(y0 * s); y < int(y1*s); y++ {
			for x := int(x0 * s); x < int(x1*s); x++ {
				img.Set(x, y, c)
			}
		}
	}
	fill(0, 0, 64, 64, logoBlue)
	fill(8, 12, 48, 20, logoLight)
	fill(20, 28, 56, 36, logoGold)
	fill(8, 44, 36, 52, logoLight)
	fill(29, 20, 32, 28, color.White)
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

func writeLogos(dir string) error {
	files := map[string][]byte{
		"logo-32x32.png": logoPNG(32),
		"logo-64x64.png": logoPNG(64),
		"logo-svg.svg":   []byte(logoSVG),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
