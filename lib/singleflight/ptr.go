package singleflight

import "unsafe"

func uintptrOf(g *Group) uintptr { return uintptr(unsafe.Pointer(g)) }
