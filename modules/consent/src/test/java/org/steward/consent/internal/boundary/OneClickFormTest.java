package org.steward.consent.internal.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.steward.consent.internal.boundary.UnsubscribeResource.OneClickForm;

class OneClickFormTest {

    private static final String FIELD = "List-Unsubscribe";

    @Test
    void readsBothEncodingsThatRfc8058Names() {
        assertThat(OneClickForm.field("application/x-www-form-urlencoded", "List-Unsubscribe=One-Click", FIELD))
                .isEqualTo("One-Click");
        assertThat(OneClickForm.field(null, "a=b&List-Unsubscribe=One-Click", FIELD)).isEqualTo("One-Click");
        String multipart = "--XyZ\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n"
                + "--XyZ--\r\n";
        assertThat(OneClickForm.field("multipart/form-data; boundary=XyZ", multipart, FIELD)).isEqualTo("One-Click");
        assertThat(OneClickForm.field("multipart/form-data; boundary=\"a.b+c\"", "--a.b+c\nContent-Disposition:"
                + " form-data; name=\"List-Unsubscribe\"\n\nOne-Click\n--a.b+c--", FIELD)).isEqualTo("One-Click");
    }

    @Test
    void anythingElseIsNotAOneClick() {
        assertThat(OneClickForm.field("application/x-www-form-urlencoded", "List-Unsubscribe=%zz", FIELD)).isNull();
        assertThat(OneClickForm.field("multipart/form-data", "--x\r\n\r\nOne-Click", FIELD)).isNull();
        assertThat(OneClickForm.field("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data;"
                + " name=\"other\"\r\n\r\nOne-Click\r\n--x--", FIELD)).isNull();
        assertThat(OneClickForm.field("application/json", "{\"List-Unsubscribe\":\"One-Click\"}", FIELD)).isNull();
        assertThat(OneClickForm.field("not a type", "List-Unsubscribe=One-Click", FIELD)).isNull();
        assertThat(OneClickForm.field(null, null, FIELD)).isNull();
    }
}
