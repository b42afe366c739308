package main

// Generic functions of compiled packages that goconc writes on their
// public API: math/rand/v2.N, reflect.TypeFor and TypeAssert, and the key
// derivation functions of crypto/pbkdf2 and crypto/hkdf.

import (
	"crypto/hkdf"
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"reflect"
	"time"
)

type point struct{ X, Y int }

type celsius float64

func main() {
	for i := 0; i < 100; i++ {
		if n := rand.N(10); n < 0 || n >= 10 {
			fmt.Println("out of range:", n)
		}
		if d := rand.N(50 * time.Millisecond); d < 0 || d >= 50*time.Millisecond {
			fmt.Println("out of range:", d)
		}
		if u := rand.N[uint8](3); u >= 3 {
			fmt.Println("out of range:", u)
		}
	}
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		rand.N(0)
	}()
	fmt.Println(reflect.TypeFor[int](), reflect.TypeFor[error](), reflect.TypeFor[[]string]().Kind())
	fmt.Println(reflect.TypeFor[point]().NumField(), reflect.TypeFor[celsius]().Kind())
	v, ok := reflect.TypeAssert[int](reflect.ValueOf(42))
	fmt.Println(v, ok)
	s, ok := reflect.TypeAssert[string](reflect.ValueOf(42))
	fmt.Printf("%q %v\n", s, ok)
	var e error = fmt.Errorf("boom")
	err, ok := reflect.TypeAssert[error](reflect.ValueOf(&e).Elem())
	fmt.Println(err, ok)

	k, err := pbkdf2.Key(sha256.New, "password", []byte("salt"), 4096, 32)
	fmt.Println(hex.EncodeToString(k), err)
	k, err = pbkdf2.Key(sha1.New, "pass", []byte("NaCl"), 2, 50)
	fmt.Println(hex.EncodeToString(k), err)
	_, err = pbkdf2.Key(sha256.New, "p", nil, 1, 0)
	fmt.Println(err)
	k, err = hkdf.Key(sha256.New, []byte("secret"), []byte("salt"), "info", 42)
	fmt.Println(hex.EncodeToString(k), err)
	prk, err := hkdf.Extract(sha256.New, []byte("input key"), nil)
	fmt.Println(hex.EncodeToString(prk), err)
	k, err = hkdf.Expand(sha256.New, prk, "context", 80)
	fmt.Println(hex.EncodeToString(k), err)
	_, err = hkdf.Key(sha256.New, []byte("s"), nil, "", 255*32+1)
	fmt.Println(err)
}
