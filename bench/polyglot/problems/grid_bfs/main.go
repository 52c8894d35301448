package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	var rows, cols int
	fmt.Fscan(in, &rows, &cols)
	grid := make([]string, rows)
	for r := range grid {
		fmt.Fscan(in, &grid[r])
	}
	dist := make([]int, rows*cols)
	var queue []int
	for i := range dist {
		dist[i] = -1
		if grid[i/cols][i%cols] == 'S' {
			dist[i] = 0
			queue = append(queue, i)
		}
	}
	moves := [][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}}
	for head := 0; head < len(queue); head++ {
		cell := queue[head]
		r, c := cell/cols, cell%cols
		if grid[r][c] == 'T' {
			fmt.Println(dist[cell])
			return
		}
		for _, m := range moves {
			nr, nc := r+m[0], c+m[1]
			if nr < 0 || nr >= rows || nc < 0 || nc >= cols || grid[nr][nc] == '#' || dist[nr*cols+nc] >= 0 {
				continue
			}
			dist[nr*cols+nc] = dist[cell] + 1
			queue = append(queue, nr*cols+nc)
		}
	}
	fmt.Println(-1)
}
