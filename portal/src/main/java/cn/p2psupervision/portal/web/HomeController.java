package cn.p2psupervision.portal.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import cn.p2psupervision.portal.security.PortalUser;

/** The portal's address: a logged-in user goes on to the screen of their role; a visitor sees the landing page. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication authentication) {
        PortalUser user = PortalUser.of(authentication);
        if (user != null && !"/".equals(user.home())) {
            return "redirect:" + user.home();
        }
        return "home";
    }
}
