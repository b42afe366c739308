package evalproto

import (
	"encoding/binary"
	"fmt"
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
// The table has a slot per goroutine number modulo its size; a slot holds
// the number (8 bytes, little endian) and "name\x00pos", cut to fit. A
// goroutine whose slot was taken by a later one is not found: this is for
// error messages, not bookkeeping.

// NameTableEnv is the environment variable that gives the evaluator the
// path of its table.
const NameTableEnv = "GOCONC_NAME_TABLE"

const (
	nameSlots = 1 << 15
	slotSize  = 128
)

// NameTable is the evaluator's side: a table it writes.
type NameTable struct{ mem []byte }

// CreateNameTable creates the table file at path and maps it.
func CreateNameTable(path string) (*NameTable, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if err := f.Truncate(nameSlots * slotSize); err != nil {
		return nil, err
	}
	mem, err := syscall.Mmap(int(f.Fd()), 0, nameSlots*slotSize, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_SHARED)
	if err != nil {
		return nil, fmt.Errorf("mapping %s: %w", path, err)
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

// LookupName reads the table at path and returns the name and start
// position of goroutine g.
func LookupName(path string, g int64) (name, pos string, ok bool) {
	f, err := os.Open(path)
	if err != nil || g <= 0 {
		return "", "", false
	}
	defer f.Close()
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
