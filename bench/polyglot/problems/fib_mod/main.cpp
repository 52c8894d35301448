#include <bits/stdc++.h>
using namespace std;

const unsigned long long MOD = 1000000007ULL;

// (F(n), F(n+1)) by fast doubling
pair<unsigned long long, unsigned long long> fib(unsigned long long n) {
    if (n == 0) return {0, 1};
    auto [a, b] = fib(n >> 1);
    unsigned long long c = a * ((2 * b + MOD - a) % MOD) % MOD;
    unsigned long long d = (a * a + b * b) % MOD;
    return n & 1 ? make_pair(d, (c + d) % MOD) : make_pair(c, d);
}

int main() {
    unsigned long long n;
    cin >> n;
    cout << fib(n).first << "\n";
}
