package evalproto

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
)

// When the Go runtime kills the evaluator (concurrent map writes, a stack
// overflow), its report names goroutines by number only. So the evaluator
// writes the name and start position of every goroutine that cells start
// into a NameTable: a file mapped into its memory, which outlives it. The
// supervisor looks the number up after the crash.
//
// The file has no name: the supervisor creates it, removes its name at
// once and hands the open file to the evaluator, so that nothing is left
// behind however either process ends (a kernel that Jupyter kills leaves
// no file in the temporary directory).
//
// The table has a slot per goroutine number modulo its size; a slot holds
// the number (8 bytes, little endian) and "name\x00pos", cut to fit. A
// goroutine whose slot was taken by a later one is not found: this is for
// error messages, not bookkeeping.

// NameTableEnv is the environment variable that gives the evaluator the
// number of the file descriptor its table is open at.
const NameTableEnv = "GOCONC_NAME_TABLE"

// NameTableFD is the descriptor the supervisor puts the table at in the
// evaluator (after the request and event pipes, at 3 and 4).
const NameTableFD = 5

const (
	nameSlots = 1 << 15
	slotSize  = 128
)

// NewNameFile creates a table's file in dir (the system's temporary
// directory if empty), sized and without a name, for the supervisor to
// read with LookupName and hand to the evaluator.
func NewNameFile(dir string) (*os.File, error) {
	f, err := os.CreateTemp(dir, "goconc-goroutines-*")
	if err != nil {
		return nil, err
	}
	os.Remove(f.Name())
	if err := f.Truncate(nameSlots * slotSize); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// NameTable is the evaluator's side: a table it writes.
type NameTable struct{ mem []byte }

// MapNameTable maps the table's file f, which the caller may close then.
func MapNameTable(f *os.File) (*NameTable, error) {
	mem, err := syscall.Mmap(int(f.Fd()), 0, nameSlots*slotSize, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_SHARED)
	if err != nil {
		return nil, fmt.Errorf("mapping the goroutine name table: %w", err)
	}
	return &NameTable{mem: mem}, nil
}

// Put records the name and start position of goroutine g. Safe for
// concurrent use: goroutines whose numbers share a slot may spoil it,
// which Lookup detects.
func (t *NameTable) Put(g int64, name, pos string) {
	if t == nil || g <= 0 {
		return
	}
	slot := t.mem[(g%nameSlots)*slotSize:][:slotSize]
	binary.LittleEndian.PutUint64(slot, 0) // invalid while written
	text := slot[8:]
	n := copy(text, name+"\x00"+pos)
	clear(text[n:])
	binary.LittleEndian.PutUint64(slot, uint64(g))
}

// LookupName reads the table in f and returns the name and start position
// of goroutine g.
func LookupName(f io.ReaderAt, g int64) (name, pos string, ok bool) {
	if f == nil || g <= 0 {
		return "", "", false
	}
	slot := make([]byte, slotSize)
	if _, err := f.ReadAt(slot, (g%nameSlots)*slotSize); err != nil {
		return "", "", false
	}
	if int64(binary.LittleEndian.Uint64(slot)) != g {
		return "", "", false
	}
	text := strings.TrimRight(string(slot[8:]), "\x00")
	name, pos, _ = strings.Cut(text, "\x00")
	return name, pos, name != ""
}
