package timeline_test

import (
	"fmt"
	"strings"

	"github.com/goconc/goconc/lib/chans"
	"github.com/goconc/goconc/lib/timeline"
	"github.com/goconc/goconc/lib/trace"
)

// Text draws a timeline for a terminal.
func ExampleText() {
	trace.Start()
	ch := chans.Make[string]("greetings", 0)
	done := make(chan bool)
	trace.Go("greeter", func() { ch.Send("hi"); close(done) })
	ch.Recv()
	// A sender records its send when it runs again after the hand-off: wait
	// for it, or Stop may come first and show it still blocked.
	<-done
	t := trace.Stop()
	out := timeline.Text(t, timeline.WithTitle("hello"))
	fmt.Println(strings.Contains(out, "greeter → main  greetings: \"hi\""))
	// Output: true
}

// SVG draws a static picture; ImageTag wraps it for notebooks.
func ExampleSVG() {
	trace.Start()
	trace.Go("worker", func() {})
	t := trace.Stop()
	svg := timeline.SVG(t)
	fmt.Println(strings.HasPrefix(string(svg), "<svg"), strings.HasPrefix(timeline.ImageTag(svg), `<img src="data:image/svg+xml;base64,`))
	// Output: true true
}
