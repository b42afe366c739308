"""Jupyter's kernel conformance suite (jupyter_kernel_test) run against goconc.

Run with /usr/bin/python3 -m pytest, with JUPYTER_PATH pointing at a
directory holding kernels/goconc (see .ci/run). Every sample attribute is
set, so no test of the suite is skipped.
"""
import unittest

import jupyter_kernel_test


class GoconcTests(jupyter_kernel_test.KernelTests):
    kernel_name = "goconc"
    language_name = "go"
    file_extension = ".go"

    code_hello_world = 'fmt.Println("hello, world")'
    code_stderr = 'fmt.Fprintln(os.Stderr, "oops")'

    completion_samples = [
        {"text": "fmt.Sprin", "matches": {"Sprint", "Sprintf", "Sprintln"}},
        {"text": "strings.HasP", "matches": {"HasPrefix"}},
    ]

    complete_code_samples = ['fmt.Println("hi")', "x := 1", "func f() int { return 1 }", "%timeout off"]
    incomplete_code_samples = ["func f() {", "for i := 0; i < 3; i++ {", "x := []int{1,", "s := `raw"]
    invalid_code_samples = ["x := )", "}", "func f() { return 1 }}"]

    code_page_something = "sync.WaitGroup?"

    code_generate_error = 'panic("boom")'

    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": '"go" + "conc"', "result": '"goconc"'},
        {"code": "type P struct{ X, Y int }\nP{1, 2}", "result": "{X:1 Y:2}"},
    ]

    code_display_data = [
        {"code": 'Display(display.HTML("<b>hi</b>"))', "mime": "text/html"},
        {"code": 'Display(display.Markdown("*hi*"))', "mime": "text/markdown"},
    ]

    code_history_pattern = "*6*"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "strings.ToUpper"

    code_clear_output = "display.Clear()"


if __name__ == "__main__":
    unittest.main()
