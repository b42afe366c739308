// A config loader by reflection: struct tags, defaults set through
// reflect.Value, fields and methods listed with their Go types.
package main

import (
	"fmt"
	"reflect"
	"strings"
)

type Config struct {
	Host    string `env:"HOST" default:"localhost"`
	Port    int    `env:"PORT" default:"8080"`
	Debug   bool   `env:"DEBUG"`
	Tags    []string
	timeout int
	Nested  struct {
		Level int `env:"LEVEL"`
	}
}

func (c Config) Addr() string      { return fmt.Sprintf("%s:%d", c.Host, c.Port) }
func (c *Config) SetHost(h string) { c.Host = h }

func describe(v any) {
	t := reflect.TypeOf(v)
	val := reflect.ValueOf(v)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
		val = val.Elem()
	}
	fmt.Println("type", t.Name(), t.Kind(), t.NumField())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Printf("  %s %s exported=%v tag=%q env=%q val=%v\n", f.Name, f.Type, f.IsExported(), f.Tag, f.Tag.Get("env"), func() any {
			if f.IsExported() {
				return val.Field(i).Interface()
			}
			return "-"
		}())
	}
}

func setDefaults(p any) {
	v := reflect.ValueOf(p).Elem()
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		d, ok := t.Field(i).Tag.Lookup("default")
		if !ok || !v.Field(i).IsZero() {
			continue
		}
		switch v.Field(i).Kind() {
		case reflect.String:
			v.Field(i).SetString(d)
		case reflect.Int:
			var n int
			fmt.Sscan(d, &n)
			v.Field(i).SetInt(int64(n))
		}
	}
}

func main() {
	c := Config{Tags: []string{"a"}}
	setDefaults(&c)
	describe(c)
	describe(&c)
	fmt.Println(c.Addr())
	t := reflect.TypeOf(&c)
	for i := 0; i < t.NumMethod(); i++ {
		fmt.Println("method", t.Method(i).Name, t.Method(i).Type)
	}
	m := reflect.ValueOf(&c).MethodByName("SetHost")
	m.Call([]reflect.Value{reflect.ValueOf("example.com")})
	fmt.Println(c.Host)
	fmt.Println(reflect.DeepEqual(c, c), reflect.TypeOf(c) == reflect.TypeOf(Config{}))
	var sb strings.Builder
	fmt.Fprintf(&sb, "%v", reflect.ValueOf(c).FieldByName("Port"))
	fmt.Println(sb.String(), reflect.ValueOf(c).Kind(), reflect.TypeOf(c).String())
	f, ok := reflect.TypeOf(c).FieldByName("timeout")
	fmt.Println(f.Name, ok, f.PkgPath != "")
	fmt.Println(reflect.ValueOf(c).NumField(), reflect.Indirect(reflect.ValueOf(&c)).Type())
}
