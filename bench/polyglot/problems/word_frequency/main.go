package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Split(bufio.ScanWords)
	counts := map[string]int{}
	for scanner.Scan() {
		counts[scanner.Text()]++
	}
	best, bestCount := "", 0
	for word, count := range counts {
		if count > bestCount || (count == bestCount && word < best) {
			best, bestCount = word, count
		}
	}
	fmt.Println(best, bestCount)
}
