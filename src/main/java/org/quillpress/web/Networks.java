package org.quillpress.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The networks a client address belongs to, as rate limits count them: rotating addresses inside one network
 * gives a client no new allowance.
 */
public final class Networks {

    private Networks() {
    }

    /**
     * An IPv4 address itself, an IPv6 address its /64, which one household or one virtual machine usually gets
     * whole; anything that is not an address literal as it is.
     */
    public static String of(String address) {
        if (address == null) {
            return "";
        }
        return address.indexOf(':') < 0 ? address : ipv6Prefix(address);
    }

    /**
     * A wider net for what one person seldom needs from many machines (mails asked for): an IPv4 address's /24,
     * an IPv6 address's /64.
     */
    public static String wide(String address) {
        if (address != null && address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return address.substring(0, address.lastIndexOf('.')) + ".0/24";
        }
        return of(address);
    }

    private static String ipv6Prefix(String address) {
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
