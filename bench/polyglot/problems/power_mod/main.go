package main

import "fmt"

func main() {
	var a, b, m uint64
	fmt.Scan(&a, &b, &m)
	result := uint64(1) % m
	for a %= m; b > 0; b, a = b>>1, a*a%m {
		if b&1 == 1 {
			result = result * a % m
		}
	}
	fmt.Println(result)
}
