package fieldnames

import "reflect"

// DeepEqual is reflect.DeepEqual of x and y, which Comparable made of
// DeepEqual's operands, where one held a box at the top and the other a
// value of the notebook's struct types as it is: the interpreter hands an
// operand of such a type over without its box (reflect.DeepEqual(s,
// Rect{3, 4}) with s a Shape holding a Rect), so the two are compared by
// the box's type's name and the struct's, then by their values, as Go
// compares two interfaces' dynamic types and values.
func DeepEqual(x, y any) bool {
	bx, xBoxed := x.(Boxed)
	by, yBoxed := y.(Boxed)
	switch {
	case xBoxed && !yBoxed:
		return boxedEqual(bx, y)
	case yBoxed && !xBoxed:
		return boxedEqual(by, x)
	}
	return reflect.DeepEqual(x, y)
}

// DeepEqualValues is reflect.DeepEqual taken as a value: its operands go
// through Comparable.
func DeepEqualValues(x, y any) bool { return DeepEqual(Comparable(x), Comparable(y)) }

func boxedEqual(b Boxed, v any) bool {
	name, ok := StructName(reflect.TypeOf(v))
	return ok && GoName(b.Type) == name && reflect.DeepEqual(b.Value, v)
}

// ComparableBoxed is Comparable of the value in boxes, a slice of one
// element of one of the notebook's interfaces: in the slice, the value is
// in its box, which names its type (the interpreter hands a value of an
// interface type over without it). A nil interface is nil.
func ComparableBoxed(boxes any) any {
	s := reflect.ValueOf(boxes)
	if s.Kind() != reflect.Slice || s.Len() != 1 {
		return Comparable(boxes)
	}
	if b := s.Index(0); isBox(b.Type()) && !Unboxed(b).IsValid() {
		return nil
	}
	return reflect.ValueOf(Comparable(boxes)).Index(0).Interface()
}
