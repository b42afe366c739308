// encoding/json and text/template promote the fields of an embedded
// struct, as Go's do; reflect says the field is embedded.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sort"
	"sync"
	"text/template"
)

type Person struct {
	Name string
	Age  int `json:"age,omitempty"`
	note string
}

type Audit struct{ Version int }

type Employee struct {
	Person
	*Audit
	Title string `json:"title"`
}

type Team struct {
	Lead    Employee
	Members []Employee
	ByName  map[string]*Employee
}

func main() {
	e := Employee{Person{"Ann", 40, "x"}, &Audit{2}, "CTO"}
	b, _ := json.Marshal(e)
	fmt.Println(string(b))

	// Members encoded concurrently, gathered in order.
	members := []Employee{{Person: Person{Name: "Bo"}, Title: "dev"}, {Person: Person{Name: "Cy", Age: 30}, Title: "ops"}}
	out := make([]string, len(members))
	var wg sync.WaitGroup
	for i, m := range members {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, _ := json.Marshal(m)
			out[i] = string(b)
		}()
	}
	wg.Wait()
	fmt.Println(out)

	var back Team
	err := json.Unmarshal([]byte(`{"Lead":{"Name":"Di","age":5,"title":"x","Version":3},"Members":[{"Name":"Ed"}],"ByName":{"f":{"age":9}}}`), &back)
	fmt.Println(err, back.Lead.Name, back.Lead.Age, back.Lead.Title, back.Lead.Audit.Version, back.Members[0].Name, back.ByName["f"].Age)

	t := template.Must(template.New("t").Parse("{{.Name}} ({{.Age}}) is {{.Title}}\n"))
	t.Execute(os.Stdout, e)

	var names []string
	for f := range reflect.TypeOf(e).Fields() {
		names = append(names, fmt.Sprint(f.Name, ":", f.Anonymous))
	}
	sort.Strings(names)
	fmt.Println(names)
}
