package org.spikefx;

public final class Main {
    public static void main(String[] args) {
    }
}
