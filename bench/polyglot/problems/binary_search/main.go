package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	var n, q int
	fmt.Fscan(in, &n)
	xs := make([]int64, n)
	for i := range xs {
		fmt.Fscan(in, &xs[i])
	}
	fmt.Fscan(in, &q)
	for ; q > 0; q-- {
		var v int64
		fmt.Fscan(in, &v)
		i := sort.Search(n, func(i int) bool { return xs[i] >= v })
		if i < n && xs[i] == v {
			fmt.Fprintln(out, i)
		} else {
			fmt.Fprintln(out, -1)
		}
	}
}
