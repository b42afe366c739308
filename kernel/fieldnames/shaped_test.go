package fieldnames_test

import (
	"fmt"
	"testing"

	"github.com/goconc/goconc/kernel/fieldnames"
)

// A named type that is not a struct has its underlying type's reflect type
// (a status is an int): the shape of the printed value's static type says
// where its values are, and only those print by its String method.
func TestValueByShape(t *testing.T) {
	type task struct {
		Title  string
		State  int // a status
		Points int
	}
	fieldnames.RegisterFields((*task)(nil), "-@main.status;--")
	str := func(v any) string { return []string{"todo", "done"}[v.(int)] }
	for _, c := range []struct {
		v     any
		shape string
		want  string
	}{
		{task{"write", 1, 0}, "@main.task;$", "{write done 0}"},
		{map[int]int{0: 1, 1: 0}, "m@main.status;--", "map[todo:1 done:0]"},
		{[]int{1, 0}, "[@main.status;-", "[done todo]"},
		{[]int{1, 0}, "-", "[1 0]"},
	} {
		got := fmt.Sprintf("%v", fieldnames.Value(c.v, "", nil, "main.status", str, nil, "", c.shape))
		if got != c.want {
			t.Errorf("%v with shape %s: %q, want %q", c.v, c.shape, got, c.want)
		}
	}
	// %#v names the named types where the shape says they are.
	type wallet struct {
		Coins []int64
		Best  *int64
	}
	fieldnames.RegisterFields((*wallet)(nil), "[@main.money;-*@main.money;-")
	got := fmt.Sprintf("%#v", fieldnames.Value(wallet{Coins: []int64{1}}, "", wallet{}, "main.wallet", nil, nil, "", "@main.wallet;$"))
	if want := "main.wallet{Coins:[]main.money{1}, Best:(*main.money)(nil)}"; got != want {
		t.Errorf("%%#v: %q, want %q", got, want)
	}
}
