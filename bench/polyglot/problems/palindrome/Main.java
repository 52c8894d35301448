import java.util.*;

public class Main {
    public static void main(String[] args) {
        String s = new Scanner(System.in).next();
        System.out.println(new StringBuilder(s).reverse().toString().equals(s) ? "YES" : "NO");
    }
}
