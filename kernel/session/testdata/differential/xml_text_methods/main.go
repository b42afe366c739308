// encoding/xml encodes and decodes the notebook's types with MarshalText
// and UnmarshalText methods by the methods, in attributes and elements,
// through pointers and slices, as Go's does (a Size was its int, and
// <fit>small</fit> an error).
package main

import (
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"strings"
)

type Size int

const (
	Unknown Size = iota
	Small
	Large
)

func (s Size) MarshalText() ([]byte, error) {
	return []byte([]string{"unknown", "small", "large"}[s]), nil
}

func (s *Size) UnmarshalText(b []byte) error {
	switch strings.ToLower(string(b)) {
	case "small":
		*s = Small
	case "large":
		*s = Large
	case "bad":
		return errors.New("bad size")
	default:
		*s = Unknown
	}
	return nil
}

type Shirt struct {
	XMLName xml.Name `xml:"shirt"`
	Color   string   `xml:"color,attr"`
	Size    Size     `xml:"size,attr"`
	Alt     *Size    `xml:"alt"`
	Fits    []Size   `xml:"fit"`
	Note    string   `xml:"note,omitempty"`
}

type Order struct {
	Shirts []Shirt `xml:"shirt"`
	Total  int     `xml:"total"`
}

func main() {
	l := Large
	sh := Shirt{Color: "red", Size: Small, Alt: &l, Fits: []Size{Small, Unknown}}
	out, err := xml.MarshalIndent(sh, "", "  ")
	fmt.Println(string(out), err)
	o := Order{Shirts: []Shirt{sh, {Color: "blue", Size: Large}}, Total: 2}
	enc := xml.NewEncoder(os.Stdout)
	enc.Indent("", " ")
	fmt.Println(enc.Encode(o))
	fmt.Println()
	var back Order
	err = xml.Unmarshal([]byte(`<Order><shirt color="g" size="LARGE"><alt>small</alt><fit>large</fit><fit>x</fit></shirt><shirt size="small"/><total>7</total></Order>`), &back)
	fmt.Println(err, len(back.Shirts), back.Total)
	for _, s := range back.Shirts {
		alt := "nil"
		if s.Alt != nil {
			alt = fmt.Sprint(int(*s.Alt))
		}
		fmt.Println(s.Color, int(s.Size), alt, s.Fits)
	}
	var one Shirt
	err = xml.Unmarshal([]byte(`<shirt size="bad"/>`), &one)
	fmt.Println(err)
	kept := Shirt{Color: "keep", Fits: []Size{Large}}
	err = xml.Unmarshal([]byte(`<shirt size="large"><fit>small</fit></shirt>`), &kept)
	fmt.Println(err, kept.Color, int(kept.Size), kept.Fits)
	b, err := xml.Marshal(Large) // (named by its type)
	fmt.Println(string(b), err)
	b, err = xml.Marshal([]Size{Small, Large})
	fmt.Println(string(b), err)
}
