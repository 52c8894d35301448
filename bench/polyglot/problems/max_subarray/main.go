package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	var x int64
	fmt.Fscan(in, &n, &x)
	best, current := x, x
	for i := 1; i < n; i++ {
		fmt.Fscan(in, &x)
		if current+x > x {
			current += x
		} else {
			current = x
		}
		if current > best {
			best = current
		}
	}
	fmt.Println(best)
}
