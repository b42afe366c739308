// encoding/xml calls the notebook's MarshalXML and UnmarshalXML methods,
// with its Encoder and a Decoder of the element, in fields, slices and
// through pointers, and at the top, as Go's does, and returns a method's
// error (a Gopher was its int, and <animal>gopher</animal> an error).
package main

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
)

type Animal int

const (
	Unknown Animal = iota
	Gopher
	Zebra
)

func (a *Animal) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	var s string
	if err := d.DecodeElement(&s, &start); err != nil {
		return err
	}
	switch strings.ToLower(s) {
	case "gopher":
		*a = Gopher
	case "zebra":
		*a = Zebra
	case "dragon":
		return errors.New("no such animal: dragon")
	default:
		*a = Unknown
	}
	return nil
}

func (a Animal) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	s := [...]string{"unknown", "gopher", "zebra"}[a]
	start.Attr = append(start.Attr, xml.Attr{Name: xml.Name{Local: "kind"}, Value: "animal"})
	return e.EncodeElement(s, start)
}

type Point struct{ X, Y int }

func (p Point) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	start.Attr = []xml.Attr{{Name: xml.Name{Local: "at"}, Value: fmt.Sprintf("%d,%d", p.X, p.Y)}}
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	return e.EncodeToken(start.End())
}

func (p *Point) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	for _, a := range start.Attr {
		if a.Name.Local == "at" {
			fmt.Sscanf(a.Value, "%d,%d", &p.X, &p.Y)
		}
	}
	return d.Skip()
}

type Zoo struct {
	XMLName xml.Name `xml:"zoo"`
	Name    string   `xml:"name,attr"`
	Star    Animal   `xml:"star"`
	Animals []Animal `xml:"animal"`
	Gate    Point    `xml:"gate"`
	Spots   []*Point `xml:"spot"`
}

func main() {
	z := Zoo{Name: "city", Star: Zebra, Animals: []Animal{Gopher, Unknown}, Gate: Point{1, 2}, Spots: []*Point{{3, 4}}}
	b, err := xml.MarshalIndent(z, "", " ")
	fmt.Println(string(b), err)
	var back Zoo
	err = xml.Unmarshal(b, &back)
	fmt.Println(err, back.Name, back.Star, back.Animals, back.Gate, *back.Spots[0])
	err = xml.Unmarshal([]byte(`<zoo><animal>dragon</animal></zoo>`), &back)
	fmt.Println(err)
	b, err = xml.Marshal(Gopher)
	fmt.Println(string(b), err)
	b, err = xml.Marshal(Point{7, 8})
	fmt.Println(string(b), err)
}
