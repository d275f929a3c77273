package cn.p2psupervision.platform.security.servlet;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.CallerView;

/** {@code GET /api/v1/<context>/me}: who the service believes is calling, from the token it validated itself. */
@RestController
class CallerController {

    @GetMapping("/api/v1/${platform.api.context}/me")
    CallerView me(Caller caller) {
        return CallerView.of(caller);
    }
}
