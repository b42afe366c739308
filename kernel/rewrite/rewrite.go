// Package rewrite edits Go source text for the interpreter while keeping
// every position of the original.
//
// The code the interpreter runs differs from what the user wrote: go
// statements are wrapped so that a panicking goroutine cannot kill the
// process, a trailing expression is wrapped to be shown, some constructs are
// rewritten around interpreter bugs. A Rewriter holds such edits against one
// parsed and type-checked file and renders any range of it. After each edit
// it writes a /*line file:line:col*/ directive, so positions the interpreter
// reports (compile errors, panics) still name the user's cell, line and
// column.
package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"
)

// Rewriter accumulates edits on one file.
type Rewriter struct {
	Fset *token.FileSet
	File *ast.File
	Info *types.Info
	// FileSuffix is appended to file names in directives (see
	// program.FileSuffix).
	FileSuffix string
	src        string
	tf         *token.File

	edits []edit
	temp  int
	// renamed are the identifiers Rename gave another name, by offset.
	renamed map[int]renaming
	// hoisting is the range of an expression Hoist is writing apart
	// (zero when none: no node is empty): insertions around it belong to
	// where it stood, and stay there.
	hoisting [2]int
}

type edit struct {
	start, end int // offsets; start == end for an insertion
	render     func() string
	text       string
	seq        int // insertion order, to keep inserts at one offset stable
	// The node an insertion belongs to: it is written only in ranges that
	// hold the whole node, not in a child that shares its first or last
	// position.
	anchorStart, anchorEnd int
	// moved marks a replacement by Hoist's variable, written before any
	// other replacement of the same node; while *off, it is not written.
	moved bool
	off   *bool
}

// New returns a rewriter for file, parsed from src.
func New(fset *token.FileSet, file *ast.File, src string, info *types.Info) *Rewriter {
	return &Rewriter{Fset: fset, File: file, Info: info, src: src, tf: fset.File(file.Pos())}
}

// Offset returns the offset of pos in the source.
func (r *Rewriter) Offset(pos token.Pos) int { return r.tf.Offset(pos) }

// Temp returns a fresh identifier for a temporary variable.
func (r *Rewriter) Temp(prefix string) string {
	r.temp++
	return fmt.Sprintf("__goconc_%s%d", prefix, r.temp)
}

// Replace replaces the source of n by what render returns. render may call
// Source on parts of n: edits inside those parts are applied.
func (r *Rewriter) Replace(n ast.Node, render func() string) {
	s, e := r.Offset(n.Pos()), r.Offset(n.End())
	r.edits = append(r.edits, edit{start: s, end: e, render: render, seq: len(r.edits), anchorStart: s, anchorEnd: e})
}

// ReplaceRange replaces the source from start to end.
func (r *Rewriter) ReplaceRange(start, end token.Pos, text string) {
	s, e := r.Offset(start), r.Offset(end)
	r.edits = append(r.edits, edit{start: s, end: e, text: text, seq: len(r.edits), anchorStart: s, anchorEnd: e})
}

// Before inserts text just before node n.
func (r *Rewriter) Before(n ast.Node, text string) { r.insert(n, r.Offset(n.Pos()), text) }

// BeforeFunc inserts what render returns, when the source is rendered,
// just before node n: render may call Source on other nodes.
func (r *Rewriter) BeforeFunc(n ast.Node, render func() string) {
	off := r.Offset(n.Pos())
	r.edits = append(r.edits, edit{start: off, end: off, render: render, seq: len(r.edits),
		anchorStart: off, anchorEnd: r.Offset(n.End())})
}

// After inserts text just after node n.
func (r *Rewriter) After(n ast.Node, text string) { r.insert(n, r.Offset(n.End()), text) }

// Around writes open before from and close after to, statements of one
// list: anchored to their span, it nests with what other edits write
// around one of them (a wider text opens before, and closes after, a
// narrower one).
func (r *Rewriter) Around(from, to ast.Node, open, close string) {
	s, e := r.Offset(from.Pos()), r.Offset(to.End())
	r.edits = append(r.edits, edit{start: s, end: s, text: open, seq: len(r.edits), anchorStart: s, anchorEnd: e})
	r.edits = append(r.edits, edit{start: e, end: e, text: close, seq: len(r.edits), anchorStart: s, anchorEnd: e})
}

// At inserts text at pos, inside node n.
func (r *Rewriter) At(n ast.Node, pos token.Pos, text string) { r.insert(n, r.Offset(pos), text) }

func (r *Rewriter) insert(n ast.Node, off int, text string) {
	r.edits = append(r.edits, edit{start: off, end: off, text: text, seq: len(r.edits),
		anchorStart: r.Offset(n.Pos()), anchorEnd: r.Offset(n.End())})
}

// Source returns the rewritten source of n, preceded by a line directive
// giving its original position.
func (r *Rewriter) Source(n ast.Node) string {
	return r.Directive(n.Pos()) + r.Range(r.Offset(n.Pos()), r.Offset(n.End()))
}

// SourceRange is Source for a range of positions.
func (r *Rewriter) SourceRange(start, end token.Pos) string {
	return r.Directive(start) + r.Range(r.Offset(start), r.Offset(end))
}

// Directive returns a /*line*/ comment that makes the next character be
// reported at pos's original position.
func (r *Rewriter) Directive(pos token.Pos) string {
	p := r.Fset.Position(pos)
	if !p.IsValid() {
		return ""
	}
	return fmt.Sprintf("/*line %s%s:%d:%d*/", p.Filename, r.FileSuffix, p.Line, p.Column)
}

// Range renders the source between two offsets with the edits inside it.
func (r *Rewriter) Range(start, end int) string {
	sort.SliceStable(r.edits, func(i, j int) bool {
		a, b := r.edits[i], r.edits[j]
		if a.start != b.start {
			return a.start < b.start
		}
		// At one offset: insertions first, then the widest replacement,
		// which contains the others.
		ai, bi := a.start == a.end, b.start == b.end
		if ai != bi {
			return ai
		}
		if ai {
			return insertedBefore(a, b)
		}
		if a.end != b.end {
			return a.end > b.end
		}
		if a.moved != b.moved {
			return a.moved
		}
		return a.seq < b.seq
	})
	var b strings.Builder
	pos := start
	var replaced [][2]int // replacements written: edits anchored inside them are theirs
	for i, e := range r.edits {
		if e.start < pos || e.end > end || e.start < start || e.anchorStart < start || e.anchorEnd > end {
			continue
		}
		if e.off != nil && *e.off {
			continue
		}
		if e.start == e.end && e.anchorStart == r.hoisting[0] && e.anchorEnd == r.hoisting[1] {
			continue
		}
		if within(e, replaced) || r.replacedLater(i, start, end) {
			continue
		}
		if e.start != e.end {
			replaced = append(replaced, [2]int{e.start, e.end})
		}
		b.WriteString(r.src[pos:e.start])
		if e.render != nil {
			b.WriteString(e.render())
		} else {
			b.WriteString(e.text)
		}
		// Columns after an edit have moved: say where the source resumes.
		b.WriteString(r.Directive(r.tf.Pos(e.end)))
		pos = e.end
	}
	b.WriteString(r.src[pos:end])
	return b.String()
}

// replacedLater reports whether the insertion edits[i] is anchored to a
// node inside a replacement that starts at the same offset, and so comes
// after it in the sorted edits: that replacement writes it, or drops it.
func (r *Rewriter) replacedLater(i, start, end int) bool {
	e := r.edits[i]
	if e.start != e.end {
		return false
	}
	for _, o := range r.edits[i+1:] {
		if o.start != e.start {
			return false
		}
		if o.off != nil && *o.off {
			continue
		}
		if o.start != o.end && o.end <= end && o.start >= start && within(e, [][2]int{{o.start, o.end}}) {
			return true
		}
	}
	return false
}

// within reports whether e is anchored to a node inside one of the
// ranges. An insertion anchored to the replaced node itself goes around
// it.
func within(e edit, ranges [][2]int) bool {
	for _, r := range ranges {
		inside := r[0] <= e.anchorStart && e.anchorEnd <= r[1]
		same := r[0] == e.anchorStart && e.anchorEnd == r[1]
		if inside && !same {
			return true
		}
	}
	return false
}

// insertedBefore orders two insertions at one offset so that they nest
// like their nodes: text closing a node comes before text opening one, an
// outer node opens before an inner one and closes after it. Around one
// node, openings keep the order they were made in and closings the
// reverse.
func insertedBefore(a, b edit) bool {
	aOpens, bOpens := a.start == a.anchorStart, b.start == b.anchorStart
	aCloses, bCloses := a.start == a.anchorEnd && !aOpens, b.start == b.anchorEnd && !bOpens
	switch {
	case aCloses && bOpens:
		return true
	case aOpens && bCloses:
		return false
	case aOpens && bOpens && a.anchorEnd != b.anchorEnd:
		return a.anchorEnd > b.anchorEnd
	case aCloses && bCloses && a.anchorStart != b.anchorStart:
		return a.anchorStart > b.anchorStart
	case aCloses && bCloses:
		// Text opened and closed around one node nests: the text opened
		// last closes first.
		return a.seq > b.seq
	}
	return a.seq < b.seq
}

// Text returns the original, unedited source of n, but for the
// identifiers in it that Rename renamed.
func (r *Rewriter) Text(n ast.Node) string {
	start, end := r.Offset(n.Pos()), r.Offset(n.End())
	if len(r.renamed) == 0 {
		return r.src[start:end]
	}
	var b strings.Builder
	for off := start; off < end; {
		if rn, ok := r.renamed[off]; ok && off+rn.len <= end {
			b.WriteString(rn.name)
			off += rn.len
			continue
		}
		b.WriteByte(r.src[off])
		off++
	}
	return b.String()
}

// Original returns the source of n as the user wrote it, renamed
// identifiers too: the text of a label (a goroutine's, a channel's), not
// of code.
func (r *Rewriter) Original(n ast.Node) string {
	return r.src[r.Offset(n.Pos()):r.Offset(n.End())]
}

type renaming struct {
	len  int // of the identifier's name in the source
	name string
}

// Rename writes id as name everywhere: in the source rendered, and in
// the source Text gives, which the rules that write an operand again
// take (a variable the interpreter knows by another name).
func (r *Rewriter) Rename(id *ast.Ident, name string) {
	if r.renamed == nil {
		r.renamed = map[int]renaming{}
	}
	r.renamed[r.Offset(id.Pos())] = renaming{len(id.Name), name}
	r.ReplaceRange(id.Pos(), id.End(), name)
}
