package trace_test

import "reflect"

func ptrOf(ch chan int) uintptr { return reflect.ValueOf(ch).Pointer() }
