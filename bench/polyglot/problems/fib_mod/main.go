package main

import "fmt"

const mod = 1000000007

// fib returns (F(n), F(n+1)) by fast doubling.
func fib(n uint64) (uint64, uint64) {
	if n == 0 {
		return 0, 1
	}
	a, b := fib(n >> 1)
	c := a * ((2*b + mod - a) % mod) % mod
	d := (a*a + b*b) % mod
	if n&1 == 1 {
		return d, (c + d) % mod
	}
	return c, d
}

func main() {
	var n uint64
	fmt.Scan(&n)
	f, _ := fib(n)
	fmt.Println(f)
}
