import java.util.*;

public class Main {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        int rows = in.nextInt(), cols = in.nextInt();
        char[][] grid = new char[rows][];
        for (int r = 0; r < rows; r++) grid[r] = in.next().toCharArray();
        int[] dist = new int[rows * cols];
        Arrays.fill(dist, -1);
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                if (grid[r][c] == 'S') {
                    dist[r * cols + c] = 0;
                    todo.add(r * cols + c);
                }
        int[] dr = {1, -1, 0, 0}, dc = {0, 0, 1, -1};
        while (!todo.isEmpty()) {
            int cell = todo.poll(), r = cell / cols, c = cell % cols;
            if (grid[r][c] == 'T') {
                System.out.println(dist[cell]);
                return;
            }
            for (int k = 0; k < 4; k++) {
                int nr = r + dr[k], nc = c + dc[k];
                if (nr < 0 || nr >= rows || nc < 0 || nc >= cols || grid[nr][nc] == '#' || dist[nr * cols + nc] >= 0) continue;
                dist[nr * cols + nc] = dist[cell] + 1;
                todo.add(nr * cols + nc);
            }
        }
        System.out.println(-1);
    }
}
