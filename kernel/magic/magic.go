// Package magic reads the magic commands at the top of a cell: line magics
// (%name args) that change a setting, and a cell magic (%%name args) on the
// first line that changes how the whole cell runs. Go code never starts a
// line with %, so magics cannot be mistaken for code.
package magic

import (
	"fmt"
	"strings"
)

// Magic is one magic command.
type Magic struct {
	Name string   // without the % signs
	Args []string // the words after the name
	Cell bool     // %%name
	Line int      // 1-based line in the cell
}

func (m Magic) String() string {
	p := "%"
	if m.Cell {
		p = "%%"
	}
	return strings.TrimSpace(p + m.Name + " " + strings.Join(m.Args, " "))
}

// Parse returns the magics leading the cell and the rest of it as code,
// with the magic lines blanked so that line numbers stay those of the cell.
func Parse(src string) ([]Magic, string, error) {
	lines := strings.Split(src, "\n")
	var magics []Magic
	seenCode := false
	for i, line := range lines {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		if !strings.HasPrefix(t, "%") || seenCode {
			seenCode = true
			continue
		}
		m := Magic{Line: i + 1}
		if strings.HasPrefix(t, "%%") {
			if len(magics) > 0 {
				return nil, "", fmt.Errorf("line %d: cell magic %s must be the first line of the cell", i+1, strings.Fields(t)[0])
			}
			m.Cell = true
			t = t[2:]
		} else {
			t = t[1:]
		}
		f := strings.Fields(t)
		if len(f) == 0 {
			return nil, "", fmt.Errorf("line %d: a %% with no magic name; try %%help", i+1)
		}
		m.Name, m.Args = f[0], f[1:]
		magics = append(magics, m)
		lines[i] = ""
		if m.Cell {
			// Everything after a cell magic is the cell's body.
			seenCode = true
		}
	}
	return magics, strings.Join(lines, "\n"), nil
}
