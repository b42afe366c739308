package fieldnames

import (
	"reflect"
	"testing"
)

// interpreted stands for a notebook struct type as the interpreter builds
// it (tagStructs): the unexported fields exported, renamed and tagged; an
// embedded unexported struct known by its type's name.
type interpreted struct {
	Name  string `goconc:"person"`
	Xage  int    `json:"-" xml:"-"`
	Xbase struct {
		ID int `goconc:"base"`
	} `goconcembedded:"true"`
}

func TestReadOnlyFields(t *testing.T) {
	if !roFlags.ok {
		t.Fatalf("reflect.Value's flags not learnt: %+v", roFlags)
	}
	p := &interpreted{Name: "Ann", Xage: 3}
	v := reflect.ValueOf(p).Elem()
	tests := []struct {
		name          string
		f             reflect.Value
		set, iface    bool
		wantValidKind reflect.Kind
	}{
		{"Field(0) Name", ValueField(v, 0), true, true, reflect.String},
		{"Field(1) age", ValueField(v, 1), false, false, reflect.Int},
		{"FieldByName(age)", ValueFieldByName(v, "age"), false, false, reflect.Int},
		{"FieldByName(Xage)", ValueFieldByName(v, "Xage"), false, false, reflect.Invalid},
		{"FieldByIndex(2, 0) base.ID", ValueFieldByIndex(v, []int{2, 0}), true, true, reflect.Int},
		{"Field(2) base", ValueField(v, 2), false, false, reflect.Struct},
	}
	for _, tt := range tests {
		if tt.f.Kind() != tt.wantValidKind {
			t.Errorf("%s: kind %v, want %v", tt.name, tt.f.Kind(), tt.wantValidKind)
			continue
		}
		if !tt.f.IsValid() {
			continue
		}
		if tt.f.CanSet() != tt.set || tt.f.CanInterface() != tt.iface {
			t.Errorf("%s: CanSet %v CanInterface %v, want %v %v", tt.name, tt.f.CanSet(), tt.f.CanInterface(), tt.set, tt.iface)
		}
	}
	// Read-only, still readable by reflect.
	if got := ValueField(v, 1).Int(); got != 3 {
		t.Errorf("age reads %d, want 3", got)
	}
	defer func() {
		if r := recover(); r == nil {
			t.Error("setting age did not panic")
		}
	}()
	ValueField(v, 1).SetInt(4)
}
