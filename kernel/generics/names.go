package generics

import (
	"sort"
	"strings"
)

// The delimiters of a mangled name. They are letters (Canadian syllabics),
// so Mapᐸintᐧstringᐳ is an identifier, and no name a person types
// contains them.
const (
	open  = "ᐸ"
	sep   = "ᐧ"
	close = "ᐳ"
)

// Names gives each instance a name that stays the same for a session:
// Map[int, string] is Mapᐸintᐧstringᐳ in every cell. The zero value is not
// ready; use NewNames.
type Names struct {
	byKey   map[string]string // instance key -> mangled name
	display map[string]string // mangled name -> Map[int, string]
	runtime map[string]string // mangled name -> Map[int,string], as reflect names it
	taken   map[string]bool
}

// NewNames returns an empty table.
func NewNames() *Names {
	return &Names{byKey: map[string]string{}, display: map[string]string{}, runtime: map[string]string{}, taken: map[string]bool{}}
}

// name returns the mangled name of the instance key, making one from the
// origin's name and its arguments (as written by writeType) if it is new.
func (n *Names) name(key, origin string, args []string, display string) string {
	if m, ok := n.byKey[key]; ok {
		return m
	}
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = identOf(a)
	}
	base := origin + open + strings.Join(parts, sep)
	m := base + close
	if len(args) == 0 {
		// A copy of a source package's function or type: slicesᐧinsertionSortOrdered.
		base, m = origin+sep, origin
	}
	for i := 2; n.taken[m]; i++ {
		m = base + sep + itoa(i) + close
	}
	n.byKey[key], n.display[m], n.taken[m] = m, display, true
	return m
}

// identOf spells type text as identifier characters: []int is sliceint,
// map[string]int is mapᐸstringᐳint. Distinct texts may meet (the table
// then numbers them); the name only has to be readable and stable.
func identOf(text string) string {
	r := strings.NewReplacer("[]", "slice", "*", "ptr", "map[", "map"+open, "]", close, "chan ", "chan",
		"<-", "recv", "func(", "func"+open, ")", close, ".", "_", ", ", sep, ",", sep, " ", "_",
		"{", open, "}", close, ";", sep, "[", open, "~", "", "|", sep, "\"", "", "`", "")
	s := r.Replace(text)
	var b strings.Builder
	for _, c := range s {
		if c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c > 127 {
			b.WriteRune(c)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// TypeNames writes every instance name in s as Go's reflect names the
// type (%T): main.Listᐸintᐳ becomes main.List[int], and
// main.Pairᐸstringᐧpointᐳ main.Pair[string,main.point].
func (n *Names) TypeNames(s string) string { return replaceNames(s, n.runtime) }

// Display returns how Go writes an instance, Map[int, string], for its
// mangled name, and false for a name that is not an instance's.
func (n *Names) Display(mangled string) (string, bool) {
	d, ok := n.display[mangled]
	return d, ok
}

// Demangle writes every instance name in s (an error message, a stack
// trace) as Go writes the instance: Mapᐸintᐧstringᐳ becomes
// Map[int, string].
func (n *Names) Demangle(s string) string { return replaceNames(s, n.display) }

// replaceNames replaces every mangled name of table that s holds,
// longest first: an instance's name can hold another's.
func replaceNames(s string, table map[string]string) string {
	if !strings.Contains(s, open) && !strings.Contains(s, sep) {
		return s
	}
	var names []string
	for m := range table {
		if strings.Contains(s, m) {
			names = append(names, m)
		}
	}
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	for _, m := range names {
		s = strings.ReplaceAll(s, m, table[m])
	}
	return s
}

// Origin returns the name of the generic function or type an instance
// name comes from (Map for Mapᐸintᐧstringᐳ), and s unchanged for other
// names. Goroutines are named this way in timelines.
func Origin(s string) string {
	var b strings.Builder
	depth := 0
	for _, c := range s {
		switch string(c) {
		case open:
			depth++
			continue
		case close:
			if depth > 0 {
				depth--
				continue
			}
		}
		if depth == 0 {
			b.WriteRune(c)
		}
	}
	return b.String()
}
