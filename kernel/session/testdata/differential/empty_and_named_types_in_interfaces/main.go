// Types without fields, and named types of one underlying type, behind
// one of the notebook's interfaces: the first program of many a course,
// type Dog struct{} and type Cat struct{} that Speak. To reflect every
// such struct is struct{} (and a Dog int an int), and the interpreter
// told them apart by reflect type: a type switch took case Dog for a
// Cat, a.(Cat) of a Dog held, %T named the last such type declared, %v
// printed a Cat with the Dog's String, a Cat equalled a Dog. Assigned
// several at once (i1, i2 = t1, u), a value's %T was the interface's
// name. And reflect.ValueOf(Cat{}).MethodByName("Speak") found nothing
// (Rosetta Code's "Respond to an unknown method call" and "Polymorphic
// copy" tasks, written again here).
package main

import (
	"errors"
	"fmt"
	"reflect"
)

type Animal interface{ Speak() string }

type Dog struct{}
type Cat struct{}
type Cow int
type Hen int

func (Dog) Speak() string  { return "Woof" }
func (Dog) String() string { return "a dog" }
func (Cat) Speak() string  { return "Meow" }
func (Cat) Purr(n int) string {
	return fmt.Sprint("purr x", n)
}
func (Cow) Speak() string { return "Moo" }
func (Hen) Speak() string { return "Cluck" }

type Timeout struct{}

func (Timeout) Error() string { return "timeout" }

func kind(a Animal) string {
	switch a.(type) {
	case Dog:
		return "dog"
	case Cat:
		return "cat"
	case Cow:
		return "cow"
	case Hen:
		return "hen"
	}
	return "?"
}

func main() {
	animals := []Animal{Dog{}, Cat{}, Cow(1), Hen(1)}
	for _, a := range animals {
		_, isCat := a.(Cat)
		_, isHen := a.(Hen)
		fmt.Printf("%v %T %s %s %v %v\n", a, a, a.Speak(), kind(a), isCat, isHen)
		fmt.Println(a == Dog{}, a == Cow(1), a == Animal(Hen(1)), reflect.TypeOf(a))
	}
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var a Animal = Dog{}
		_ = a.(Cat)
	}()

	var a1, a2, a3 Animal
	fmt.Println(a1, a1 == nil)
	a1, a2, a3 = Cow(5), Hen(6), Cat{}
	fmt.Printf("%T %T %T %v %v\n", a1, a2, a3, a1, reflect.TypeOf(a2))
	var x any = a1
	fmt.Printf("%T %v\n", x, x)

	for _, v := range []reflect.Value{reflect.ValueOf(Dog{}), reflect.ValueOf(Cat{}), reflect.ValueOf(Cow(2))} {
		m := v.MethodByName("Speak")
		fmt.Println(v.Type(), v.NumMethod(), m.IsValid(), m.Call(nil)[0])
	}
	purr := reflect.ValueOf(Cat{}).MethodByName("Purr")
	fmt.Println(purr.Call([]reflect.Value{reflect.ValueOf(3)})[0], reflect.ValueOf(Cat{}).MethodByName("Bark").IsValid())

	err := fmt.Errorf("fetch: %w", Timeout{})
	var to Timeout
	fmt.Println(errors.As(err, &to), errors.Is(err, Timeout{}), err)
}
