// Errors that are struct values, as a learner writes them: returned as
// error, asserted back, switched on, found by errors.As, printed with %T.
package main

import (
	"errors"
	"fmt"
)

type ValidationError struct {
	Field string
	Code  int
}

func (e ValidationError) Error() string { return fmt.Sprintf("%s: invalid (code %d)", e.Field, e.Code) }

type TempError struct{ After int }

func (e TempError) Error() string { return fmt.Sprintf("try again in %ds", e.After) }

func validate(age int) error {
	if age < 0 {
		return ValidationError{"age", 22}
	}
	if age > 150 {
		return TempError{age - 150}
	}
	return nil
}

func describe(err error) string {
	switch e := err.(type) {
	case nil:
		return "ok"
	case ValidationError:
		return "validation of " + e.Field
	case TempError:
		return fmt.Sprint("temporary, ", e.After)
	default:
		return "other: " + e.Error()
	}
}

func main() {
	for _, age := range []int{30, -1, 155} {
		err := validate(age)
		fmt.Printf("%d: %v (%T) -> %s\n", age, err, err, describe(err))
		if ve, ok := err.(ValidationError); ok {
			fmt.Println("  field", ve.Field, "code", ve.Code)
		}
	}

	var err error = ValidationError{"name", 7}
	ve := err.(ValidationError)
	fmt.Println(ve.Code, ve)

	wrapped := fmt.Errorf("saving user: %w", validate(-1))
	var target ValidationError
	fmt.Println(errors.As(wrapped, &target), target.Field, target.Code)
	var temp TempError
	fmt.Println(errors.As(wrapped, &temp), temp.After)

	// In collections and through channels.
	errs := []error{ValidationError{"a", 1}, TempError{3}, errors.New("plain")}
	byName := map[string]error{"v": ValidationError{"b", 2}}
	ch := make(chan error, 2)
	ch <- TempError{9}
	ch <- ValidationError{"c", 4}
	close(ch)
	for e := range ch {
		errs = append(errs, e)
	}
	errs = append(errs, byName["v"])
	for i, e := range errs {
		fmt.Println(i, describe(e), fmt.Sprintf("%T", e))
	}

	joined := errors.Join(errs...)
	fmt.Println(errors.As(joined, &temp), temp.After)
}
