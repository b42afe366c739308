package fieldnames

import (
	"strings"
	"testing"
)

// book and shelf stand for notebook struct types as the interpreter
// builds them: unnamed to reflect, their names in the first field's tag,
// an embedded struct without the Anonymous flag.
type (
	book = struct {
		Title string `goconc:"Book"`
	}
	shelf = struct {
		Xbook struct {
			Title string `goconc:"book"`
		} `goconcembedded:"true"`
		Name string
	}
)

func TestXMLNames(t *testing.T) {
	tests := []struct {
		v    any
		want string
	}{
		{book{"Go"}, "<Book><Title>Go</Title></Book>"},
		{&book{"Go"}, "<Book><Title>Go</Title></Book>"},
		{[]book{{"A"}, {"B"}}, "<Book><Title>A</Title></Book><Book><Title>B</Title></Book>"},
		{(*book)(nil), ""},
		{struct{ X int }{1}, "unsupported type"},
		{42, "<int>42</int>"},
	}
	for _, tt := range tests {
		b, err := XMLMarshal(tt.v)
		got := string(b)
		if err != nil {
			got = err.Error()
		}
		if !strings.Contains(got, tt.want) || tt.want == "" && got != "" {
			t.Errorf("XMLMarshal(%#v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestXMLEmbeddedPromoted(t *testing.T) {
	var s shelf
	if err := XMLUnmarshal([]byte("<shelf><Title>T</Title><Name>N</Name></shelf>"), &s); err != nil {
		t.Fatal(err)
	}
	if s.Xbook.Title != "T" || s.Name != "N" {
		t.Errorf("decoded %+v, want the embedded book's Title T", s)
	}
}
