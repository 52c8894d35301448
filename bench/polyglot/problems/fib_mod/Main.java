import java.util.*;

public class Main {
    static final long MOD = 1_000_000_007L;

    /** (F(n), F(n+1)) by fast doubling. */
    static long[] fib(long n) {
        if (n == 0) return new long[] {0, 1};
        long[] half = fib(n >> 1);
        long a = half[0], b = half[1];
        long c = a * ((2 * b - a + MOD) % MOD) % MOD;
        long d = (a * a + b * b) % MOD;
        return (n & 1) == 1 ? new long[] {d, (c + d) % MOD} : new long[] {c, d};
    }

    public static void main(String[] args) {
        System.out.println(fib(new Scanner(System.in).nextLong())[0]);
    }
}
