package main

import "fmt"

func main() {
	var s string
	fmt.Scan(&s)
	for i := 0; i < len(s)/2; i++ {
		if s[i] != s[len(s)-1-i] {
			fmt.Println("NO")
			return
		}
	}
	fmt.Println("YES")
}
