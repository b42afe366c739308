package evalproto

import (
	"os"
	"strings"
	"testing"
)

func TestNameTable(t *testing.T) {
	dir := t.TempDir()
	f, err := NewNameFile(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("the table's file has a name: %v", left)
	}
	tab, err := MapNameTable(f)
	if err != nil {
		t.Fatal(err)
	}
	tab.Put(42, "worker(3)", "[5]:7")
	tab.Put(7, "cell [2]", "")
	tab.Put(99, strings.Repeat("x", 300), "[1]:1") // cut to fit
	tab.Put(42+nameSlots, "takes 42's slot", "[6]:1")
	tests := []struct {
		g         int64
		name, pos string
		ok        bool
	}{
		{42 + nameSlots, "takes 42's slot", "[6]:1", true},
		{42, "", "", false}, // its slot was taken
		{7, "cell [2]", "", true},
		{99, strings.Repeat("x", slotSize-8), "", true},
		{1234, "", "", false},
		{0, "", "", false},
	}
	for _, tt := range tests {
		name, pos, ok := LookupName(f, tt.g)
		if name != tt.name || pos != tt.pos || ok != tt.ok {
			t.Errorf("LookupName(%d) = %q, %q, %v; want %q, %q, %v", tt.g, name, pos, ok, tt.name, tt.pos, tt.ok)
		}
	}
	if _, _, ok := LookupName(nil, 7); ok {
		t.Error("found a name in a missing table")
	}
}
