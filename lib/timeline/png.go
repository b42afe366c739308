package timeline

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"sort"
	"strconv"

	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"

	"github.com/goconc/goconc/lib/trace"
)

// PNG draws t as a PNG image, the same drawing as SVG, for viewers that do
// not show SVG (GitHub's notebook preview). It uses a small palette, which
// keeps a typical timeline well under 100 KB.
func PNG(t *trace.Trace, opts ...Option) ([]byte, error) {
	c := configure(opts)
	m := build(t, c)
	g := layout(m, c.width)
	p := newPainter(g.width, g.height)
	p.text(12, 22, m.title, p.c(colorText))
	p.textRight(g.width-24, 22, strconv.Itoa(m.goroutines())+" goroutines, "+m.dur(m.duration), p.c(colorMuted))
	p.line(g.x0, float64(g.axisY), g.x1, float64(g.axisY), p.c(colorMuted))
	step := niceStep(g.duration, int((g.x1-g.x0)/90))
	for d := step * 0; d <= g.duration; d += step {
		x := g.x(d)
		p.line(x, float64(g.axisY-4), x, float64(g.axisY), p.c(colorMuted))
		p.textCenter(int(x), g.axisY-8, g.tick(d), p.c(colorMuted))
	}
	for i, l := range m.lanes {
		y := g.laneY(i)
		if i%2 == 1 {
			p.rect(0, y-float64(g.laneH)/2, float64(g.width), float64(g.laneH), p.c("#f7f7f7"))
		}
		label := l.title
		if l.pos != "" {
			label += " @ " + l.pos
		}
		p.text(12, int(y)+4, ellipsis(label, 30), p.c(colorText))
		p.rect(g.x(l.start), y-1, math.Max(g.x(l.end)-g.x(l.start), 1), 2, p.c(colorRun))
		for _, s := range mergeSpans(l.blocked, g) {
			col := reasonColors[s.reason]
			if col == "" {
				col = "#999999"
			}
			p.rect(g.x(s.from), y-6, math.Max(g.x(s.to)-g.x(s.from), 1), 12, p.c(col))
		}
		for _, h := range mergeSpans(l.holds, g) {
			p.rect(g.x(h.from), y+8, math.Max(g.x(h.to)-g.x(h.from), 1), 3, p.c(colorHold))
		}
		for _, mk := range l.marks {
			x := g.x(mk.at)
			switch mk.kind {
			case trace.EvPanic, trace.EvDeadlock:
				p.rect(x-5, y-5, 10, 10, p.c(colorPanic))
			case trace.EvClose:
				p.line(x-3, y-9, x+3, y-3, p.c(colorText))
				p.line(x+3, y-9, x-3, y-3, p.c(colorText))
			default:
				p.rect(x-2, y-10, 4, 4, p.c("#6a3d9a"))
			}
		}
		if l.running && i > 0 {
			p.text(int(g.x(l.end))+4, int(y)+4, ">>", p.c(colorLeak))
		}
	}
	for _, a := range m.arrows {
		if a.from == a.to {
			continue
		}
		col := colorArrow
		if a.handoff {
			col = colorHold
		}
		p.line(g.x(a.sent), g.laneY(a.from), g.x(a.recvd), g.laneY(a.to), p.c(col))
	}
	y := g.notesY
	for _, n := range append(append([]string{}, m.diag...), m.notes...) {
		p.text(12, y, n, p.c(colorText))
		y += 18
	}
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, p.img); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// painter draws on a paletted image.
type painter struct {
	img     *image.Paletted
	palette color.Palette
	index   map[string]uint8
}

func newPainter(w, h int) *painter {
	p := &painter{index: map[string]uint8{}}
	p.palette = color.Palette{color.White}
	for _, s := range []string{colorRun, colorHold, colorArrow, colorText, colorMuted, colorPanic, "#f7f7f7", "#6a3d9a", "#999999", "#edc948"} {
		p.add(s)
	}
	var reasons []trace.Reason
	for r := range reasonColors {
		reasons = append(reasons, r)
	}
	sort.Slice(reasons, func(i, j int) bool { return reasons[i] < reasons[j] })
	for _, r := range reasons {
		p.add(reasonColors[r])
	}
	p.img = image.NewPaletted(image.Rect(0, 0, w, h), p.palette)
	return p
}

func (p *painter) add(hex string) {
	if _, ok := p.index[hex]; ok {
		return
	}
	v, _ := strconv.ParseUint(hex[1:], 16, 32)
	p.index[hex] = uint8(len(p.palette))
	p.palette = append(p.palette, color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff})
}

func (p *painter) c(hex string) color.Color {
	p.add(hex)
	return p.palette[p.index[hex]]
}

func (p *painter) rect(x, y, w, h float64, c color.Color) {
	r := image.Rect(int(math.Round(x)), int(math.Round(y)), int(math.Round(x+w)), int(math.Round(y+h)))
	draw.Draw(p.img, r, image.NewUniform(c), image.Point{}, draw.Src)
}

func (p *painter) line(x1, y1, x2, y2 float64, c color.Color) {
	n := int(math.Max(math.Abs(x2-x1), math.Abs(y2-y1))) + 1
	for i := 0; i <= n; i++ {
		f := float64(i) / float64(n)
		p.img.Set(int(math.Round(x1+(x2-x1)*f)), int(math.Round(y1+(y2-y1)*f)), c)
	}
}

func (p *painter) text(x, y int, s string, c color.Color) {
	d := font.Drawer{Dst: p.img, Src: image.NewUniform(c), Face: basicfont.Face7x13, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

func (p *painter) textRight(x, y int, s string, c color.Color) { p.text(x-7*len([]rune(s)), y, s, c) }

func (p *painter) textCenter(x, y int, s string, c color.Color) {
	p.text(x-7*len([]rune(s))/2, y, s, c)
}
