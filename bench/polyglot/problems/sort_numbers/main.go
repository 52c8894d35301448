package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(in, &n)
	xs := make([]int64, n)
	for i := range xs {
		fmt.Fscan(in, &xs[i])
	}
	sort.Slice(xs, func(i, j int) bool { return xs[i] < xs[j] })
	parts := make([]string, n)
	for i, x := range xs {
		parts[i] = strconv.FormatInt(x, 10)
	}
	fmt.Println(strings.Join(parts, " "))
}
