// reflect's values of unexported fields are read-only, as Go makes them:
// CanSet and CanInterface are false, setting one panics, and
// FieldByName finds them by their declared names; an embedded struct's
// fields are promoted.
package main

import (
	"fmt"
	"reflect"
)

type base struct{ ID int }

type account struct {
	base
	Owner   string
	balance int
	Tags    []string
}

func try(what string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(what, "panics:", r)
		}
	}()
	f()
}

func main() {
	a := account{base{7}, "ann", 100, []string{"x"}}
	v := reflect.ValueOf(&a).Elem()
	t := v.Type()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		fmt.Printf("%s set=%v iface=%v", t.Field(i).Name, f.CanSet(), f.CanInterface())
		if f.CanInterface() {
			fmt.Printf(" value=%v", f.Interface())
		}
		fmt.Println()
	}
	v.FieldByName("Owner").SetString("bob")
	v.FieldByIndex([]int{0, 0}).SetInt(8)
	fmt.Println(a.Owner, a.ID, v.FieldByName("balance").Int(), v.FieldByName("Xbalance").IsValid())
	try("SetInt", func() { v.FieldByName("balance").SetInt(1) })
	try("Interface", func() { _ = v.Field(2).Interface() })
	fmt.Println(a.balance)
	// The fields of the embedded base are promoted.
	for _, f := range reflect.VisibleFields(t) {
		fmt.Print(f.Name, f.Index, f.Anonymous, f.IsExported(), "; ")
	}
	id, ok := t.FieldByName("ID")
	fmt.Println(id.Name, id.Index, ok)
	// Exported fields of a value (not a pointer) are readable, not settable.
	w := reflect.ValueOf(a)
	fmt.Println(w.Field(1).CanSet(), w.Field(1).CanInterface(), w.Field(1))
}
