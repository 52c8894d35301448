package main

import "fmt"

func main() {
	var a, b string
	fmt.Scan(&a, &b)
	previous, current := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := 0; i < len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i] == b[j-1]:
				current[j] = previous[j-1] + 1
			case previous[j] > current[j-1]:
				current[j] = previous[j]
			default:
				current[j] = current[j-1]
			}
		}
		copy(previous, current)
	}
	fmt.Println(previous[len(b)])
}
