package main

import "fmt"

func main() {
	var s string
	fmt.Scan(&s)
	open := map[byte]byte{')': '(', ']': '[', '}': '{'}
	var stack []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '(' || c == '[' || c == '{' {
			stack = append(stack, c)
			continue
		}
		if len(stack) == 0 || stack[len(stack)-1] != open[c] {
			fmt.Println("NO")
			return
		}
		stack = stack[:len(stack)-1]
	}
	if len(stack) == 0 {
		fmt.Println("YES")
	} else {
		fmt.Println("NO")
	}
}
