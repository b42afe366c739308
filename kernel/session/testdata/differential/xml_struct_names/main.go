// encoding/xml names the elements of the notebook's struct types after
// their types, and promotes the fields of an embedded struct, encoding
// and decoding.
package main

import (
	"encoding/xml"
	"fmt"
	"os"
	"strings"
)

type Address struct {
	City string `xml:"city"`
	Zip  string `xml:"zip,attr"`
}

type Book struct {
	Title  string
	Author string `xml:"author"`
	note   string
}

type Person struct {
	XMLName xml.Name `xml:"person"`
	ID      int      `xml:"id,attr"`
	Name    string   `xml:"name"`
	Address
	Books []Book `xml:"books>book"`
}

func main() {
	b, err := xml.Marshal(Book{"Go", "Ann", "n"})
	fmt.Println(string(b), err)
	b, err = xml.Marshal([]*Book{{Title: "A"}, {Title: "B"}})
	fmt.Println(string(b), err)
	p := Person{ID: 7, Name: "Ann", Address: Address{"Oslo", "0150"}, Books: []Book{{"T", "U", ""}}}
	b, err = xml.MarshalIndent(p, "", " ")
	fmt.Println(string(b), err)
	var q Person
	err = xml.Unmarshal(b, &q)
	fmt.Println(q.ID, q.Name, q.City, q.Zip, q.Books, err)
	enc := xml.NewEncoder(os.Stdout)
	enc.Encode(Address{City: "Bergen"})
	fmt.Println()
	var a Address
	err = xml.NewDecoder(strings.NewReader(`<Address zip="5003"><city>Bergen</city></Address>`)).Decode(&a)
	fmt.Println(a, err)
}
