package fieldnames

import (
	"reflect"
	"testing"
)

// The fields of `type person struct{ Name string `json:"name"`; age int;
// Xmin int }` as Yaegi and goconc's tags make them.
var personType = reflect.TypeOf(struct {
	Name string `json:"name" goconc:"person"`
	Xage int    `json:"-" xml:"-"`
	Xmin int    `db:"min"`
}{})

func TestDeclaredField(t *testing.T) {
	for _, c := range []struct {
		i       int
		name    string
		tag     reflect.StructTag
		pkgPath string
	}{
		{0, "Name", `json:"name"`, ""},
		{1, "age", ``, "main"},
		{2, "Xmin", `db:"min"`, ""},
	} {
		f := DeclaredField(personType.Field(c.i))
		if f.Name != c.name || f.Tag != c.tag || f.PkgPath != c.pkgPath || f.IsExported() != (c.pkgPath == "") {
			t.Errorf("field %d: %s %q %q, want %s %q %q", c.i, f.Name, f.Tag, f.PkgPath, c.name, c.tag, c.pkgPath)
		}
	}
}

func TestFieldByName(t *testing.T) {
	for _, c := range []struct {
		name string
		ok   bool
	}{
		{"Name", true}, {"age", true}, {"Xage", false}, {"Xmin", true}, {"min", false}, {"nope", false},
	} {
		f, ok := FieldByName(personType, c.name)
		if ok != c.ok || ok && f.Name != c.name {
			t.Errorf("FieldByName(%q) = %s, %v; want %v", c.name, f.Name, ok, c.ok)
		}
	}
}

func TestWithoutKey(t *testing.T) {
	for _, c := range []struct{ tag, key, want string }{
		{`json:"a" goconc:"T"`, "goconc", `json:"a"`},
		{`goconc:"T" json:"a"`, "goconc", `json:"a"`},
		{`goconc:"T"`, "goconc", ``},
		{`desc:"a  b" goconc:"T"`, "goconc", `desc:"a  b"`},
		{`json:"a"`, "goconc", `json:"a"`},
	} {
		if got := withoutKey(reflect.StructTag(c.tag), c.key); string(got) != c.want {
			t.Errorf("withoutKey(%q, %s) = %q, want %q", c.tag, c.key, got, c.want)
		}
	}
}
