package main

import "fmt"

func main() {
	var a, b string
	fmt.Scan(&a, &b)
	var count [256]int
	for i := 0; i < len(a); i++ {
		count[a[i]]++
	}
	for i := 0; i < len(b); i++ {
		count[b[i]]--
	}
	for _, c := range count {
		if c != 0 {
			fmt.Println("NO")
			return
		}
	}
	fmt.Println("YES")
}
