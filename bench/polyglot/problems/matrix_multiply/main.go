package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	var n int
	fmt.Fscan(in, &n)
	read := func() [][]int64 {
		m := make([][]int64, n)
		for i := range m {
			m[i] = make([]int64, n)
			for j := range m[i] {
				fmt.Fscan(in, &m[i][j])
			}
		}
		return m
	}
	a, b := read(), read()
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			var sum int64
			for k := 0; k < n; k++ {
				sum += a[i][k] * b[k][j]
			}
			if j+1 < n {
				fmt.Fprint(out, sum, " ")
			} else {
				fmt.Fprintln(out, sum)
			}
		}
	}
}
